exports.handler = async (event) => {
  console.log('event', JSON.stringify(event));
  return { ok: true, metadata: event.Metadata ?? null };
};

const { spawn } = require('node:child_process');

exports.handler = async () => {
  // A grandchild in the environment's process group, which Ctrl-C must take down too.
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  console.log(`grandchild ${child.pid}`);
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  return 'slept';
};

import Testing

/// Every test that starts real Node processes, run one at a time: the suite would otherwise
/// start dozens of runtimes at once on a 2-core CI machine, where cold starts then take longer
/// than Lambda's own limits (a 10 s init) and timing-based outcomes turn to noise.
@Suite(.serialized) struct NodeProcessTests {}

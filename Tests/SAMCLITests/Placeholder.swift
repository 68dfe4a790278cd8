import Testing

@Test func placeholder_SAMCLITests() {}

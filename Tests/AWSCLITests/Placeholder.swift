import Testing

@Test func placeholder_AWSCLITests() {}

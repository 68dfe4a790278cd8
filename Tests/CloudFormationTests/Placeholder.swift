import Testing

@Test func placeholder_CloudFormationTests() {}

import Testing

@Test func placeholder_AccountTests() {}

import Testing

@Test func placeholder_CommandsTests() {}

import Testing

@Test func placeholder_SimKitTests() {}

import Testing

@Test func placeholder_IAMTests() {}

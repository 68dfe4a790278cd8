import Testing

@Test func placeholder_WorkbookTests() {}

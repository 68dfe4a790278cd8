import SimKit

/// DynamoDB's item size, for the 400 KB limit and capacity units.
///
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html:
/// names and strings count their UTF-8 bytes, binaries their bytes, BOOL and NULL 1 byte, lists and
/// maps 3 bytes plus 1 per element. Numbers use dynalite's formula (`db/index.js` `valSize`), fitted to
/// DynamoDB's answers: 1 byte + 1 per two significant digits, with the sign and odd alignment adjusting it.
public enum ItemSize {
    /// The largest item DynamoDB stores: 400 KB.
    public static let limit = 400 * 1024

    /// The size of an item (or a map's members): each name plus its value.
    public static func of(_ item: AttributeMap) -> Int {
        item.members.reduce(0) { $0 + $1.name.utf8.count + of($1.value) }
    }

    /// The size of one value.
    public static func of(_ value: AttributeValue) -> Int {
        switch value {
        case .s(let v): v.utf8.count
        case .n(let v): of(v)
        case .b(let v): v.count
        case .bool, .null: 1
        case .ss(let v): v.reduce(0) { $0 + $1.utf8.count }
        case .ns(let v): v.reduce(0) { $0 + of($1) }
        case .bs(let v): v.reduce(0) { $0 + $1.count }
        case .l(let v): 3 + v.reduce(0) { $0 + 1 + of($1) }
        case .m(let v): 3 + v.count + of(v)
        }
    }

    /// A number's size.
    public static func of(_ number: DynamoNumber) -> Int {
        let count = number.digits.count
        if count == 0 { return 1 }
        let evenAlignment = count % 2 == 0 && number.scientificExponent % 2 == 0
        return 1 + (count + 1) / 2 + (evenAlignment ? 1 : 0) + (number.isNegative ? 1 : 0)
    }

    /// PutItem's check: `Item size has exceeded the maximum allowed size` past 400 KB.
    public static func check(_ item: AttributeMap) -> AWSError? {
        of(item) > limit ? DynamoDBValidation.itemTooLarge : nil
    }
}

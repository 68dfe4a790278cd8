import SimKit

/// DynamoDB's data-plane validation errors, byte for byte, each with the source of its text.
///
/// Sources: [C] nubo-db/dynamodb-conformance `tests/tier3` (run against real DynamoDB, 2026-05);
/// [R] `aws-behavior.md` §3.1; [DL] architect/dynalite `validations/index.js`, `db/*.pegjs`,
/// `actions/*.js` (texts recorded from DynamoDB; its tests assert them); [M] moto 5.2.1
/// `dynamodb/exceptions.py`, `responses.py`, `models/table.py`.
public enum DynamoDBValidation {
    /// `ValidationException` in its coral namespace (reference §3.1).
    public static func error(_ message: String) -> AWSError {
        AWSError(code: "ValidationException", message: message, httpStatus: 400,
                 wireType: "com.amazon.coral.validate#ValidationException")
    }

    /// What a request carries that is the wrong JSON shape; DynamoDB answers these before validating.
    public static func serialization(_ message: String) -> AWSError {
        AWSError(code: "SerializationException", message: message, httpStatus: 400,
                 wireType: "com.amazon.coral.service#SerializationException")
    }

    static let invalid = "One or more parameter values were invalid: "

    // MARK: attribute values

    /// [DL] `validateAttributeValue`.
    static let emptyAttributeValue = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
    /// [DL] `validateAttributeValue`; [M] agrees.
    static let moreThanOneDatatype = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"
    /// [C] `putItem.test.ts` (note the NULL wording, no trailing period).
    static let nullMustBeTrue = invalid + "Null attribute value types must have the value of true"
    /// [C] `putItem.test.ts`, `emptyValues.test.ts` (`{2}`: the double space is real).
    static let emptyStringSet = invalid + "An string set  may not be empty"
    /// [C] as above.
    static let emptyNumberSet = invalid + "An number set  may not be empty"
    /// [C] `emptyValues.test.ts` (matched as a substring there); prefix from [DL].
    static let emptyBinarySet = invalid + "Binary sets should not be empty"
    /// [C] `putItem.test.ts`: `Input collection [a, a] contains duplicates.`
    static func duplicateStrings(_ values: [String]) -> String {
        invalid + "Input collection [\(values.joined(separator: ", "))] contains duplicates."
    }
    /// [DL] only: NS duplicates have no prefix and no listing (unverified against 2026 AWS).
    static let duplicateNumbers = "Input collection contains duplicates"
    /// [DL] only; the missing space before `of` is in dynalite's recording.
    static func duplicateBinaries(_ values: [String]) -> String {
        invalid + "Input collection [\(values.joined(separator: ", "))]of type BS contains duplicates."
    }
    /// [DL] `checkNum` for `""`; [M] has no case for it.
    static let numberEmpty = "The parameter cannot be converted to a numeric value"
    /// [DL], [M] `_validate_number_type`.
    static func numberNotNumeric(_ text: String) -> String { "The parameter cannot be converted to a numeric value: \(text)" }
    /// [DL], [M].
    static let numberOverflow = "Number overflow. Attempting to store a number with magnitude larger than supported range"
    /// [DL], [M].
    static let numberUnderflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range"
    /// [DL] (moto does not check precision).
    static let numberTooPrecise = "Attempting to store more than 38 significant digits in a Number"

    static func message(for problem: DynamoNumber.Problem, text: String) -> String {
        switch problem {
        case .empty: numberEmpty
        case .notNumeric: numberNotNumeric(text)
        case .overflow: numberOverflow
        case .underflow: numberUnderflow
        case .tooManyDigits: numberTooPrecise
        }
    }

    // MARK: items and keys

    /// [R] §3.1 "item > 400 KB"; [M] `ItemSizeTooLarge`.
    public static let itemTooLarge = error("Item size has exceeded the maximum allowed size")
    /// [DL] `actions/updateItem.js`; [M] `ItemSizeToUpdateTooLarge`: UpdateItem's wording.
    public static let itemToUpdateTooLarge = error("Item size to update has exceeded the maximum allowed size")

    /// [R] §3.1; [DL] `validateItem`. moto's older fallback ("An AttributeValue may not contain an
    /// empty string") predates DynamoDB's 2020 change and is not used.
    public static func emptyKey(_ name: String, binary: Bool = false) -> AWSError {
        error("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty \(binary ? "binary" : "string") value. Key: \(name)")
    }
    /// [C] `updateItem.test.ts`.
    public static func cannotUpdateKey(_ name: String) -> AWSError {
        error(invalid + "Cannot update attribute \(name). This attribute is part of the key")
    }
    /// [DL] `validateItem`; [M] "deliberately no space between of and {lim}".
    public static let hashKeyTooLong = error(invalid + "Size of hashkey has exceeded the maximum size limit of2048 bytes")
    /// [DL], [M].
    public static let rangeKeyTooLong = error(invalid + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes")
}

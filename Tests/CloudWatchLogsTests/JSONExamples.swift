/// JSON-pattern examples, each event written on one line as the docs ask for testing.
enum JSONExamples {
    static let rows: [FilterPatternExampleRow] = trailEvent + compound + archived + numeric

    /// The docs' sample event for string, array, wildcard, IS and NOT EXISTS patterns.
    static let trail = #"{"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111", "arrayKey": ["value", "another value"], "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}], "SomeObject": null, "cluster.name": "c"}"#

    // DocSources.json and DocSources.syntax "Using filter patterns to match terms in JSON log events".
    static let trailEvent: [FilterPatternExampleRow] = [
        .init(#"{ $.eventType = "UpdateTrail" }"#, trail, true),
        .init("{ $.sourceIPAddress != 123.123.* }", trail, true),
        .init(#"{ $.arrayKey[0] = "value" }"#, trail, true),
        .init("{ $.objectList[1].id = 2 }", trail, true),
        .init("{ $.eventType = %Trail% }", trail, true),
        .init("{ $.arrayKey[*] = %val.{2}% }", trail, true),
        .init(#"{ $.* = %111\.111\.111\.1[0-9]{1,2}% }"#, trail, true),
        .init(#"{ $.['cluster.name'] = "c" }"#, trail, true),
        .init("{ $.SomeObject IS NULL }", trail, true),
        .init("{ $.SomeOtherObject NOT EXISTS }", trail, true),
        .init("{ $.SomeObject NOT EXISTS }", trail, false),
        .init(#"{ $.eventType = "UpdateTrail" }"#, #"{"eventType": "UserLogin", "userId": "123"}"#, false),
        .init(#"{ $.eventType = "UpdateTrail" }"#, #"{"eventType": "UpdateTrail", "source": "cloudtrail"}"#, true),
        // Archived page, dimensions section: "whenever a JSON log event contain the properties".
        .init(#"{ $.eventType = "*" && $.sourceIPAddress != 123.123.* }"#, trail, true),
        // Reference aws-behavior.md §4.1: non-JSON events never match a JSON pattern.
        .init(#"{ $.eventType = "UpdateTrail" }"#, "eventType=UpdateTrail", false),
        .init("{ $.SomeOtherObject NOT EXISTS }", "not json at all", false),
    ]

    /// The docs' sample object for compound expressions.
    static let users = #"{"user": {"id": 1, "email": "John.Stiles@example.com"}, "users": [{"id": 2, "email": "John.Doe@example.com"}, {"id": 3, "email": "Jane.Doe@example.com"}], "actions": ["GET", "PUT", "DELETE"], "coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]}"#

    // DocSources.json and DocSources.syntax, compound expressions (() > && > ||).
    static let compound: [FilterPatternExampleRow] = [
        .init(#"{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }"#, users, true),
        .init(#"{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch" && $.actions[2] = "nonmatch" }"#, users, true),
        .init(#"{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch") && $.actions[2] = "nonmatch" }"#, users, false),
        .init(#"{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }"#, users, false),
        // DocSources.archived writes the same with unquoted values.
        .init(#"{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }"#, users, true),
        .init(#"{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }"#, users, false),
    ]

    // DocSources.archived: OR in JSON filters, IS TRUE, wildcards, and selectors at arrays.
    static let archived: [FilterPatternExampleRow] = [
        .init("{$.foo = bar}", #"{"foo": "bar"}"#, true),
        .init("{$.foo = bar}", #"{"foo": "baz"}"#, false),
        .init("{$.foo = baz }", #"{"foo": "baz"}"#, true),
        .init("{$.foo = bar || $.foo = baz }", #"{"foo": "bar"}"#, true),
        .init("{$.foo = bar || $.foo = baz }", #"{"foo": "baz"}"#, true),
        .init("{ $.ThisFlag IS TRUE }", #"{"eventType": "UpdateTrail", "ThisFlag": true}"#, true),
        .init("{ $.ThisFlag IS FALSE }", #"{"eventType": "UpdateTrail", "ThisFlag": true}"#, false),
        .init("{ $.eventName = *Event }", #"{"eventName": "PutEvent"}"#, true),
        .init("{ $.eventName = Event* }", #"{"eventName": "EventName"}"#, true),
        // "Ev*ent will only match the actual string Ev*ent."
        .init("{ $.eventName = Ev*ent }", #"{"eventName": "Ev*ent"}"#, true),
        .init("{ $.eventName = Ev*ent }", #"{"eventName": "Event"}"#, false),
        // "both {$.users = 1} and {$.users != 1} will fail to match a log event where users is an array"
        .init("{$.users = 1}", #"{"users": [1, 2, 3]}"#, false),
        .init("{$.users != 1}", #"{"users": [1, 2, 3]}"#, false),
        // "If arrayKey is not an array this will be false."
        .init(#"{ $.arrayKey[0] = "value" }"#, #"{"arrayKey": "value"}"#, false),
    ]

    // DocSources.archived "Numeric Comparisons" and DocSources.syntax numeric filter examples.
    static let numeric: [FilterPatternExampleRow] = [
        .init("{ $.latency >= 500 }", #"{"latency": 500}"#, true),
        .init("{ $.latency >= 500 }", #"{"latency": 499}"#, false),
        .init("{ $.numbers[0] < 10e3 }", #"{"numbers": [9999]}"#, true),
        .init("{ $.numbers[0] < 10e-3 }", #"{"numbers": [0.001]}"#, true),
        .init("{ $.numbers[0] < 10e-3 }", #"{"numbers": [0.5]}"#, false),
        .init("{ $.processes[4].averageRuntime <= 55.5 }", #"{"processes": [{}, {}, {}, {}, {"averageRuntime": 55.5}]}"#, true),
        .init("{ $.errorCode = 400 }", #"{"errorCode": 400}"#, true),
        .init("{ $.errorCode != 500 }", #"{"errorCode": 400}"#, true),
        .init("{ $.errorCode != 500 }", #"{"errorCode": 500}"#, false),
        .init("{ $.latency > +1000 }", #"{"latency": 1001}"#, true),
        .init("{ $.latency > +1000 }", #"{"latency": 1000}"#, false),
        .init("{ $.bandwidth > 75 }", #"{"bandwidth": 80}"#, true),
        .init("{ $.latency < 50 }", #"{"latency": 49.9}"#, true),
        .init("{ $.refreshRate >= 60 }", #"{"refreshRate": 60}"#, true),
        .init("{ $.responseTime <= 5 }", #"{"responseTime": 6}"#, false),
        .init("{ $.errorCode = 400}", #"{"errorCode": 4e2}"#, true),
        .init("{ $.number[0] = 1e+3 }", #"{"number": [1000]}"#, true),
        .init("{ $.number[0] != 1e-3 }", #"{"number": [0.001]}"#, false),
        // "Publishing Numerical Values Found in Log Entries": `{ $.latency = * }`.
        .init("{ $.latency = * }", #"{"latency": 50, "requestType": "GET"}"#, true),
        .init("{ $.latency = * }", #"{"requestType": "GET"}"#, false),
    ]
}

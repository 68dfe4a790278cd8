/// Space-delimited examples: field lists, `...`, conditions, `&&`/`||` and regex fields.
enum SpaceDelimitedExamples {
    static let rows: [FilterPatternExampleRow] = apache + prodEvent + service + archivedOr

    static let apache200 = #"127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534"#
    static let apache500 = #"127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324"#
    static let apache4355 = #"127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 200 4355"#

    // DocSources.archived, "Using Metric Filters to Extract Values from Space-Delimited Log Events".
    static let apache: [FilterPatternExampleRow] = [
        .init("[ip, user, username, timestamp, request, status_code, bytes]", apache200, true),
        .init("[..., status_code, bytes]", apache200, true),
        .init("[ip, user, ..., status_code, bytes]", apache200, true),
        .init("[ip, user, ...]", apache200, true),
        .init("[ip, user, username, timestamp, request, status_code, bytes > 1000]", apache200, true),
        .init("[ip, user, username, timestamp, request, status_code, bytes > 1000]", apache4355, true),
        .init("[ip, user, username, timestamp, request, status_code = 200, bytes]", apache200, true),
        .init("[ip, user, username, timestamp, request, status_code = 200, bytes]", apache500, false),
        .init("[ip, user, username, timestamp, request, status_code = 4*, bytes]", apache200, false),
        .init("[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]", apache200, false),
        .init("[ip, user, username, timestamp, request, status_code = 403 || status_code = 404, bytes]", apache500, false),
        // Derived: a value with `/` needs quotes; `*` still works inside them (DocSources.syntax JSON section).
        .init(#"[ip, user, username, timestamp = "10/Oct/2000*", request = *apache_pb.gif*, status_code, bytes]"#, apache500, true),
    ]

    static let prod = #"127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534"#

    // DocSources.syntax, "Using filter patterns to match terms in space-delimited log events".
    static let prodEvent: [FilterPatternExampleRow] = [
        .init(#"[ip=%127\.0\.0\.[1-9]%, user, username, timestamp, request =*.html*, status_code = 4*, bytes]"#, prod, true),
        .init(#"[ip=%127\.0\.0\.[1-9]%, user, username, timestamp, request =*.html*, status_code = 4*, bytes]"#,
              #"127.0.0.10 Prod frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534"#, true),
        .init("[..., request =*.html*, status_code = 4*, bytes]", prod, true),
        .init("[ip, user, username, timestamp, request =*.html*, status_code = 404 || status_code = 410, bytes]", prod, true),
        .init("[ip, server, username, timestamp, request, status_code, bytes > 1000]", prod, true),
        .init("[ip, server, username, timestamp, request, status_code, bytes > 2000]", prod, false),
        // DocSources.archived: the trailing comma leaves a last, unnamed field.
        .init("[..., request=*.html*, status_code=4*,]", prod, true),
        .init("[ip, user, username, timestamp, request, status_code = 4* && status_code != 403, bytes]", prod, true),
        .init("[ip, user, username, timestamp, request, status_code = 4* && status_code != 404, bytes]", prod, false),
    ]

    static let get = "INFO 09/25/2014 12:00:00 GET /service/resource/67 1200"
    static let post = "INFO 09/25/2014 12:00:01 POST /service/resource/67/part/111 1310"
    static let warning = "WARNING 09/25/2014 12:00:02 Invalid user request"
    static let error = "ERROR 09/25/2014 12:00:02 Failed to process request"

    // DocSources.syntax, pattern matching with w1, w2 … and regex fields.
    static let service: [FilterPatternExampleRow] = [
        .init("[w1=ERROR, w2]", error, true),
        .init("[w1=ERROR, w2]", warning, false),
        .init("[w1=ERROR, w2]", get, false),
        .init("[w1=ERROR || w1=WARNING, w2]", warning, true),
        .init("[w1=ERROR || w1=WARNING, w2]", error, true),
        .init("[w1=ERROR || w1=WARNING, w2]", get, false),
        // The archived page writes `W1` in the second condition.
        .init("[w1=ERROR || W1=WARNING, w2]", warning, true),
        .init("[w1!=ERROR && w1!=WARNING, w2]", get, true),
        .init("[w1!=ERROR && w1!=WARNING, w2]", error, false),
        .init("[logLevel, date, time, method, url=%/service/resource/[0-9]+$%, response_time]", get, true),
        .init("[logLevel, date, time, method, url=%/service/resource/[0-9]+$%, response_time]", post, false),
        .init("[logLevel, date, time, method, url=%/service/resource/[0-9]+/part/[0-9]+$%, response_time]", post, true),
        .init("[logLevel, date, time, method, url=%/service/resource/[0-9]+/part/[0-9]+$%, response_time]", get, false),
    ]

    // DocSources.archived, "OR Pattern Matching" in space-delimited filters (two-word events).
    static let archivedOr: [FilterPatternExampleRow] = [
        .init("[w1=ERROR, w2]", "ERROR message", true),
        .init("[w1=ERROR, w2]", "WARN message", false),
        .init("[w1=ERROR || w1=WARN, w2]", "ERROR message", true),
        .init("[w1=ERROR || w1=WARN, w2]", "WARN message", true),
    ]
}

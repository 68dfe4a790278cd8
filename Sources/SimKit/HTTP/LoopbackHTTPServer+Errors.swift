/// The workbook's own errors for `LoopbackHTTPServer` (never AWS outcomes): what, and how to fix.
extension LoopbackHTTPServer {
    /// `--port 70000`.
    static func portOutOfRange(_ port: Int) -> WorkbookError {
        WorkbookError(
            LocalizedText(en: "port \(port) is not a TCP port", ko: "\(port)은(는) TCP 포트가 아닙니다"),
            fix: LocalizedText(en: "use a port from 1 to 65535, or 0 to let the system choose a free one",
                               ko: "1~65535 사이의 포트를 쓰거나, 0을 주어 빈 포트를 시스템이 고르게 하세요"))
    }

    /// The port is taken (another endpoint or program listens there) or not allowed.
    static func bindFailed(port: Int, reason: String) -> WorkbookError {
        WorkbookError(
            LocalizedText(en: "cannot listen on \(host):\(port): \(reason)",
                          ko: "\(host):\(port)에서 연결을 받을 수 없습니다: \(reason)"),
            fix: LocalizedText(en: "stop the program that uses port \(port), or pass --port 0 to use any free port",
                               ko: "포트 \(port)을(를) 쓰는 프로그램을 끝내거나, --port 0으로 빈 포트를 쓰세요"))
    }
}

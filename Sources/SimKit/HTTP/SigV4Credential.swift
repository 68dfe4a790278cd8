/// The caller named by a request's AWS Signature Version 4 `Authorization` header:
/// `AWS4-HMAC-SHA256 Credential=<access key id>/<date>/<region>/<service>/aws4_request, SignedHeaders=…, Signature=…`
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
///
/// The simulator reads who signed, not whether the signature is right: a handler's fake
/// credentials could never be verified against AWS anyway, and the access key id is what ties a
/// call to the execution role that was issued it.
public enum SigV4Credential {
    /// The access key id in `authorization`, or nil when the header is missing or not SigV4.
    public static func accessKeyID(authorization: String?) -> String? {
        guard let authorization, authorization.hasPrefix("AWS4-HMAC-SHA256 ") else { return nil }
        guard let start = authorization.range(of: "Credential=")?.upperBound else { return nil }
        let key = authorization[start...].prefix { $0 != "/" && $0 != "," && $0 != " " }
        return key.isEmpty ? nil : String(key)
    }
}

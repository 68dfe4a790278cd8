import SimKit

extension FunctionConfiguration {
    /// A function that exists only for `sam local invoke`: named by its logical id, never stored.
    /// Its code hash and size describe `code`; there is no real role behind `role`.
    public static func local(logicalId: String, runtime: String?, handler: String?, timeout: Int, memorySize: Int,
                             environment: JSONObject, architecture: String, code: CodeArchive, region: String,
                             account: String, now: EpochMillis, revisionId: String) -> FunctionConfiguration {
        let bytes = code.bytes
        return FunctionConfiguration(
            name: logicalId, arn: ARN.lambdaFunction(logicalId, region: region, account: account).description,
            runtime: runtime, role: ARN.iamRole("sam-local-\(logicalId)", account: account).description, handler: handler,
            description: "", timeout: timeout, memorySize: memorySize, environment: environment, architectures: [architecture],
            codeSha256: Base64.encode(Digest.sha256(bytes)), codeSize: bytes.count, lastModified: now, revisionId: revisionId,
            tags: JSONObject())
    }
}

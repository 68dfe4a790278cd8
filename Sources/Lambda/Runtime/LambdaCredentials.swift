import SimKit

/// The temporary credentials an execution environment gets for its execution role (Lambda
/// assumes the role and puts them in `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
/// `AWS_SESSION_TOKEN`). The SDKs inside the handler sign with them; the access key id is how
/// the simulator's endpoints know the call comes from that role.
public struct LambdaCredentials: Sendable, Hashable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// STS-shaped fake credentials: `ASIA` + 16 upper-case characters, a 40-character secret and
    /// a session token that starts like real ones (`IQoJb3JpZ2luX2Vj`, base64 of "origin_ec").
    public static func draw(from ids: IDGenerator) -> LambdaCredentials {
        LambdaCredentials(accessKeyID: "ASIA" + ids.upperSuffix(16),
                          secretAccessKey: ids.string(40, from: IDGenerator.alphanumeric + "/+"),
                          sessionToken: "IQoJb3JpZ2luX2VjE" + ids.string(180, from: IDGenerator.alphanumeric))
    }
}

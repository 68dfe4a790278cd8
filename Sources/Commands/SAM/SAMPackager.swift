import Account
import CloudFormation
import Foundation
import SAMCLI
import SimKit

/// `sam deploy`'s packaging: each function's local code folder becomes an archive in the
/// artifact bucket under `<prefix>/<md5>`, and the template points at it. Nothing is written
/// here; `uploads` are stored by the caller inside its transaction.
struct SAMPackager {
    struct Upload {
        var key: String
        var body: [UInt8]
        var md5: [UInt8]
    }

    let baseDir: String
    let bucket: String
    let prefix: String

    /// The uploads for every local `CodeUri`/`Code`, in template order, keyed by the path as written.
    func packageCode(_ root: TemplateNode) throws(SAMError) -> (uploads: [Upload], keys: [String: String]) {
        var uploads: [Upload] = []
        var keys: [String: String] = [:]
        for function in SAMFunctionSource.all(in: root) where keys[function.codeUri] == nil {
            let folder = URL(fileURLWithPath: baseDir).appendingPathComponent(function.codeUri).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
                // samcli/lib/package/exceptions.py ExportFailedError + InvalidLocalPathError.
                throw SAMError("Unable to upload artifact \(function.codeUri) referenced by \(function.property) parameter of \(function.logicalId) resource.\nParameter \(function.property) of resource \(function.logicalId) refers to a file or folder that does not exist \(folder)")
            }
            let archive: CodeArchive
            do {
                archive = isDirectory.boolValue
                    ? try CodeArchive.read(folder: folder)
                    : CodeArchive(files: [.init(path: (folder as NSString).lastPathComponent, executable: false,
                                                bytes: Array(FileManager.default.contents(atPath: folder) ?? Data()))])
            } catch {
                throw SAMError("Unable to upload artifact \(function.codeUri) referenced by \(function.property) parameter of \(function.logicalId) resource.\n\(error)")
            }
            let body = archive.bytes
            let md5 = Digest.md5(body)
            let key = "\(prefix)/\(Digest.hex(md5))"
            keys[function.codeUri] = key
            uploads.append(Upload(key: key, body: body, md5: md5))
        }
        return (uploads, keys)
    }

    /// Plain `AWS::Lambda::Function` resources whose `Code` is a path point at their upload.
    func rewritePlainFunctions(_ root: TemplateNode, keys: [String: String]) -> TemplateNode {
        guard var top = root.mapValue, var resources = top["Resources"]?.mapValue else { return root }
        for index in resources.entries.indices {
            let resource = resources.entries[index].value
            guard resource["Type"]?.stringValue == "AWS::Lambda::Function", let path = resource["Properties"]?["Code"]?.stringValue,
                  let key = keys[path], var map = resource.mapValue, var properties = map["Properties"]?.mapValue else { continue }
            properties["Code"] = .map(TemplateMap([.init(key: "S3Bucket", value: .string(bucket)), .init(key: "S3Key", value: .string(key))]))
            map["Properties"] = .map(properties)
            resources.entries[index].value = .map(map, at: resource.location)
        }
        top["Resources"] = .map(resources)
        return .map(top, at: root.location)
    }
}

extension Account {
    /// SAM's managed artifact bucket for this account: stable, derived from the account itself.
    public var samManagedBucket: String {
        let hash = Digest.hex(Digest.sha256(Array("\(accountId)|\(region)|managed-bucket".utf8)))
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let suffix = hash.utf8.prefix(12).map { alphabet[Int($0) % alphabet.count] }
        return ObjectStore.managedBucketPrefix + String(suffix)
    }
}

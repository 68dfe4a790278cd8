import SimKit

/// The environment variables of a runtime process: Lambda's, then the function's, and never
/// the host's (DESIGN.md "Output, errors, bad input": student code is untrusted).
/// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
struct SandboxEnvironment {
    var function: FunctionConfiguration
    var runtime: String
    var region: String
    var logStreamName: String
    var runtimeAPI: String
    var credentials: LambdaCredentials
    /// The simulated DynamoDB the bundled SDKs call (`http://127.0.0.1:<port>`), if any.
    var dynamoDBEndpoint: String?
    /// The real folders behind /var/task and /var/runtime.
    var taskRoot: String
    var runtimeDir: String
    /// The real folder of what the runtime bundles: Node's SDK (shown as
    /// /var/runtime/node_modules), Python's linked boto3 family.
    var bundledModules: String?
    var virtualTime: EpochMillis
    /// Deterministic mode and its seed (ExecutionEnvironmentPool.Settings).
    var deterministic = false
    var seed: UInt64 = 0

    /// Variables a function's `Environment` cannot set (CreateFunction refuses them; skipped
    /// here too, in case a stored function carries one).
    static let reserved: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ",
    ]

    /// `nodejs20.x` → `node20` (Lambda's `/opt/nodejs/node20/node_modules` layer folder).
    var nodeMajorFolder: String {
        "node" + runtime.dropFirst("nodejs".count).prefix { $0.isNumber }
    }

    /// What the handler sees in `process.env.NODE_PATH` (Lambda's value).
    var lambdaNodePath: String {
        "/opt/nodejs/\(nodeMajorFolder)/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task"
    }

    /// The variables for the process.
    func variables() -> [String: String] {
        var env: [String: String] = [
            "AWS_LAMBDA_FUNCTION_NAME": function.name,
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(function.memorySize),
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(function.name)",
            "AWS_LAMBDA_LOG_STREAM_NAME": logStreamName,
            "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
            "AWS_LAMBDA_RUNTIME_API": runtimeAPI,
            "AWS_REGION": region,
            "AWS_DEFAULT_REGION": region,
            "AWS_EXECUTION_ENV": "AWS_Lambda_\(runtime)",
            "AWS_ACCESS_KEY_ID": credentials.accessKeyID,
            "AWS_SECRET_ACCESS_KEY": credentials.secretAccessKey,
            "AWS_SESSION_TOKEN": credentials.sessionToken,
            "AWS_XRAY_CONTEXT_MISSING": "LOG_ERROR",
            "AWS_XRAY_DAEMON_ADDRESS": "169.254.79.129:2000",
            "_AWS_XRAY_DAEMON_ADDRESS": "169.254.79.129",
            "_AWS_XRAY_DAEMON_PORT": "2000",
            "LAMBDA_TASK_ROOT": "/var/task",
            "LAMBDA_RUNTIME_DIR": "/var/runtime",
            "_HANDLER": function.handler ?? "",
            "TZ": ":UTC",
            "LANG": "en_US.UTF-8",
            "PATH": "/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin",
        ]
        var nodePath = lambdaNodePath
        var ldLibraryPath = "/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib"
        for (key, value) in function.environment where !Self.reserved.contains(key) {
            guard let text = value.stringValue else { continue }
            switch key {
            case "NODE_PATH" where !isPython: nodePath = text
            case "LD_LIBRARY_PATH": ldLibraryPath = text  // shown only: the host's loader never sees Lambda's paths
            default: env[key] = text
            }
        }
        if isPython {
            addPythonVariables(to: &env)
        } else {
            // Node reads NODE_PATH at start-up with real folders; the bootstrap then shows Lambda's.
            env["NODE_PATH"] = realPaths(nodePath)
            env["WORKBOOK_NODE_PATH"] = nodePath
        }
        env["WORKBOOK_LD_LIBRARY_PATH"] = ldLibraryPath
        env["WORKBOOK_TASK_ROOT"] = taskRoot
        if let bundledModules { env["WORKBOOK_BUNDLED_MODULES"] = bundledModules }
        env["WORKBOOK_VIRTUAL_TIME_MS"] = String(virtualTime)
        if let dynamoDBEndpoint { env["WORKBOOK_DYNAMODB_ENDPOINT"] = dynamoDBEndpoint }
        if deterministic {
            env["WORKBOOK_DETERMINISTIC"] = "1"
            env["WORKBOOK_SEED"] = String(seed)
        }
        return env
    }

    /// `/var/task/x:/var/runtime` → the real folders; entries under /opt (layers, not simulated)
    /// are dropped so nothing on the host is found there.
    func realPaths(_ list: String) -> String {
        list.split(separator: ":").compactMap { entry -> String? in
            let entry = String(entry)
            let folders = [("/var/task", taskRoot), ("/var/runtime/node_modules", bundledModules ?? runtimeDir + "/node_modules"),
                           ("/var/runtime", runtimeDir)]
            for (shown, real) in folders where entry == shown || entry.hasPrefix(shown + "/") {
                return real + entry.dropFirst(shown.count)
            }
            return nil
        }.joined(separator: ":")
    }
}

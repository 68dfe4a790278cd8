import SimKit

/// The AWS-managed policies the simulator knows, with their current default-version documents.
///
/// Documents are copied from the AWS Managed Policy Reference
/// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/<PolicyName>.html), keeping
/// its key order, string-versus-list shapes and action order, so `get-policy-version` prints
/// what AWS prints. Where the reference page was only partly readable, the rest came from
/// iann0036/iam-dataset (aws/managedpolicies/<PolicyName>.json), a daily mirror of the same documents.
extension ManagedPolicyCatalogue {
    /// The built-in catalogue. It throws only if a document below stopped parsing, which the
    /// catalogue tests rule out; callers pass the error on rather than crash.
    public static func awsManaged() throws -> ManagedPolicyCatalogue {
        ManagedPolicyCatalogue([
            try .aws("AWSLambdaBasicExecutionRole", path: "/service-role/", document: document([
                statement(actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], resource: "*"),
            ])),
            try .aws("AWSLambdaDynamoDBExecutionRole", path: "/service-role/", document: document([
                statement(actions: [
                    "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams",
                    "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                ], resource: "*"),
            ])),
            try .aws("AWSLambdaExecute", document: document([
                statement(actions: ["logs:*"], resource: "arn:aws:logs:*:*:*"),
                statement(actions: ["s3:GetObject", "s3:PutObject"], resource: "arn:aws:s3:::*"),
            ])),
            try .aws("AWSLambdaRole", path: "/service-role/", document: document([
                statement(actions: ["lambda:InvokeFunction"], resource: ["*"]),
            ])),
            try .aws("AmazonDynamoDBFullAccess", document: amazonDynamoDBFullAccess),
            try .aws("AmazonDynamoDBReadOnlyAccess", document: amazonDynamoDBReadOnlyAccess),
            try .aws("AWSXRayDaemonWriteAccess", document: document([
                statement(sid: "AWSXRayDaemonWriteAccess", actions: [
                    "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                    "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries",
                ], resource: ["*"]),
            ])),
            try .aws("CloudWatchLogsFullAccess", document: document([
                statement(sid: "CloudWatchLogsFullAccess", actions: [
                    "logs:*", "cloudwatch:GenerateQuery", "cloudwatch:GenerateQueryResultsSummary",
                    "observabilityadmin:GetS3TableIntegration", "observabilityadmin:ListS3TableIntegrations",
                    "observabilityadmin:ListTelemetryPipelines",
                ], resource: "*"),
            ])),
        ])
    }

    /// AmazonDynamoDBFullAccess v15 (edited 2021-01-29), TRIMMED: the real document has two more
    /// statements, `iam:PassRole` and `iam:CreateServiceLinkedRole`, each with a `Condition`
    /// (`iam:PassedToService`, `iam:AWSServiceName`). We don't model condition keys, and keeping
    /// them would make the whole policy unusable, so they are left out; nothing a lesson does
    /// needs them.
    private static let amazonDynamoDBFullAccess = document([
        statement(effectFirst: false, actions: [
            "dynamodb:*", "dax:*", "application-autoscaling:DeleteScalingPolicy",
            "application-autoscaling:DeregisterScalableTarget", "application-autoscaling:DescribeScalableTargets",
            "application-autoscaling:DescribeScalingActivities", "application-autoscaling:DescribeScalingPolicies",
            "application-autoscaling:PutScalingPolicy", "application-autoscaling:RegisterScalableTarget",
            "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarmHistory", "cloudwatch:DescribeAlarms",
            "cloudwatch:DescribeAlarmsForMetric", "cloudwatch:GetMetricStatistics", "cloudwatch:ListMetrics",
            "cloudwatch:PutMetricAlarm", "cloudwatch:GetMetricData", "datapipeline:ActivatePipeline",
            "datapipeline:CreatePipeline", "datapipeline:DeletePipeline", "datapipeline:DescribeObjects",
            "datapipeline:DescribePipelines", "datapipeline:GetPipelineDefinition", "datapipeline:ListPipelines",
            "datapipeline:PutPipelineDefinition", "datapipeline:QueryObjects", "ec2:DescribeVpcs", "ec2:DescribeSubnets",
            "ec2:DescribeSecurityGroups", "iam:GetRole", "iam:ListRoles", "kms:DescribeKey", "kms:ListAliases",
            "sns:CreateTopic", "sns:DeleteTopic", "sns:ListSubscriptions", "sns:ListSubscriptionsByTopic",
            "sns:ListTopics", "sns:Subscribe", "sns:Unsubscribe", "sns:SetTopicAttributes", "lambda:CreateFunction",
            "lambda:ListFunctions", "lambda:ListEventSourceMappings", "lambda:CreateEventSourceMapping",
            "lambda:DeleteEventSourceMapping", "lambda:GetFunctionConfiguration", "lambda:DeleteFunction",
            "resource-groups:ListGroups", "resource-groups:ListGroupResources", "resource-groups:GetGroup",
            "resource-groups:GetGroupQuery", "resource-groups:DeleteGroup", "resource-groups:CreateGroup",
            "tag:GetResources", "kinesis:ListStreams", "kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
        ], resource: "*"),
        statement(effectFirst: false, actions: ["cloudwatch:GetInsightRuleReport"],
                  resource: "arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*"),
    ])

    /// AmazonDynamoDBReadOnlyAccess v15 (edited 2024-11-18): v14 plus `dynamodb:GetAbacStatus`.
    private static let amazonDynamoDBReadOnlyAccess = document([
        statement(sid: "GeneralReadOnlyAccess", effectFirst: false, actions: [
            "application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingActivities",
            "application-autoscaling:DescribeScalingPolicies", "cloudwatch:DescribeAlarmHistory",
            "cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmsForMetric", "cloudwatch:GetMetricStatistics",
            "cloudwatch:ListMetrics", "cloudwatch:GetMetricData", "datapipeline:DescribeObjects",
            "datapipeline:DescribePipelines", "datapipeline:GetPipelineDefinition", "datapipeline:ListPipelines",
            "datapipeline:QueryObjects", "dynamodb:BatchGetItem", "dynamodb:Describe*", "dynamodb:List*",
            "dynamodb:GetAbacStatus", "dynamodb:GetItem", "dynamodb:GetResourcePolicy", "dynamodb:Query",
            "dynamodb:Scan", "dynamodb:PartiQLSelect", "dax:Describe*", "dax:List*", "dax:GetItem", "dax:BatchGetItem",
            "dax:Query", "dax:Scan", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
            "iam:GetRole", "iam:ListRoles", "kms:DescribeKey", "kms:ListAliases", "sns:ListSubscriptionsByTopic",
            "sns:ListTopics", "lambda:ListFunctions", "lambda:ListEventSourceMappings",
            "lambda:GetFunctionConfiguration", "resource-groups:ListGroups", "resource-groups:ListGroupResources",
            "resource-groups:GetGroup", "resource-groups:GetGroupQuery", "tag:GetResources", "kinesis:ListStreams",
            "kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
        ], resource: "*"),
        statement(sid: "CCIAccess", effectFirst: false, actions: ["cloudwatch:GetInsightRuleReport"],
                  resource: "arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*"),
    ])

    /// `{"Version": "2012-10-17", "Statement": [...]}`.
    private static func document(_ statements: [JSON]) -> JSON {
        .object(JSONObject([("Version", "2012-10-17"), ("Statement", .array(statements))]))
    }

    /// An Allow statement with keys in the order the reference prints them: `Sid` first, then
    /// `Effect, Action` (most policies) or `Action, Effect` (the DynamoDB ones).
    private static func statement(sid: String? = nil, effectFirst: Bool = true, actions: [String],
                                  resource: JSON) -> JSON {
        let effect: (String, JSON) = ("Effect", "Allow")
        let action: (String, JSON) = ("Action", .array(actions.map(JSON.string)))
        var members: [(String, JSON)] = sid.map { [("Sid", .string($0))] } ?? []
        members += effectFirst ? [effect, action] : [action, effect]
        members.append(("Resource", resource))
        return .object(JSONObject(members))
    }
}

import SimKit

/// SAM policy templates (`Policies: - DynamoDBCrudPolicy: {TableName: …}`), expanded as the translator's
/// `PolicyTemplatesForResourcePlugin` does: the template's `Definition` with every `{"Ref": <parameter>}`
/// replaced by the value given. The three DynamoDB templates are copied verbatim from aws-sam-translator
/// 1.110.0 `policy_templates_data/policy_templates.json` (a test compares them with the installed file);
/// the other templates are known by name only and refused as not simulated.
enum SAMPolicyTemplates {
    /// Every template name the translator knows (1.110.0, 81 templates).
    static let allNames: Set<String> = Set("""
        AMIDescribePolicy AWSSecretsManagerGetSecretValuePolicy AWSSecretsManagerRotationPolicy
        AcmGetCertificatePolicy AthenaQueryPolicy CloudFormationDescribeStacksPolicy
        CloudWatchDashboardPolicy CloudWatchDescribeAlarmHistoryPolicy CloudWatchPutMetricPolicy
        CodeCommitCrudPolicy CodeCommitReadPolicy CodePipelineLambdaExecutionPolicy
        CodePipelineReadOnlyPolicy ComprehendBasicAccessPolicy CostExplorerReadOnlyPolicy
        DynamoDBBackupFullAccessPolicy DynamoDBCrudPolicy DynamoDBReadPolicy DynamoDBReconfigurePolicy
        DynamoDBRestoreFromBackupPolicy DynamoDBStreamReadPolicy DynamoDBWritePolicy EC2CopyImagePolicy
        EC2DescribePolicy EFSWriteAccessPolicy EKSDescribePolicy EcsRunTaskPolicy
        ElasticMapReduceAddJobFlowStepsPolicy ElasticMapReduceCancelStepsPolicy
        ElasticMapReduceModifyInstanceFleetPolicy ElasticMapReduceModifyInstanceGroupsPolicy
        ElasticMapReduceSetTerminationProtectionPolicy ElasticMapReduceTerminateJobFlowsPolicy
        ElasticsearchHttpPostPolicy EventBridgePutEventsPolicy FilterLogEventsPolicy FirehoseCrudPolicy
        FirehoseWritePolicy KMSDecryptPolicy KMSEncryptPolicy KMSEncryptPolicy_v2 KinesisCrudPolicy
        KinesisStreamReadPolicy LambdaInvokePolicy MobileAnalyticsWriteOnlyAccessPolicy
        OrganizationsListAccountsPolicy PinpointEndpointAccessPolicy PollyFullAccessPolicy
        RekognitionDetectOnlyPolicy RekognitionFacesManagementPolicy RekognitionFacesPolicy
        RekognitionLabelsPolicy RekognitionNoDataAccessPolicy RekognitionReadPolicy
        RekognitionWriteOnlyAccessPolicy Route53ChangeResourceRecordSetsPolicy S3CrudPolicy
        S3FullAccessPolicy S3ReadPolicy S3WritePolicy SESBulkTemplatedCrudPolicy
        SESBulkTemplatedCrudPolicy_v2 SESCrudPolicy SESEmailTemplateCrudPolicy SESSendBouncePolicy
        SNSCrudPolicy SNSPublishMessagePolicy SQSPollerPolicy SQSSendMessagePolicy SSMParameterReadPolicy
        SSMParameterWithSlashPrefixReadPolicy SageMakerCreateEndpointConfigPolicy
        SageMakerCreateEndpointPolicy ServerlessRepoReadWriteAccessPolicy StepFunctionsCallbackPolicy
        StepFunctionsExecutionPolicy StepFunctionsExecutionPolicy_v2 TextractDetectAnalyzePolicy
        TextractGetResultPolicy TextractPolicy VPCAccessPolicy
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// The simulated templates, as in `policy_templates.json` (`Definition`, `Description`, `Parameters`).
    static let sourceJSON = #"""
        {
         "DynamoDBCrudPolicy": {
          "Definition": {
           "Statement": [
            {
             "Action": [
              "dynamodb:GetItem",
              "dynamodb:DeleteItem",
              "dynamodb:PutItem",
              "dynamodb:Scan",
              "dynamodb:Query",
              "dynamodb:UpdateItem",
              "dynamodb:BatchWriteItem",
              "dynamodb:BatchGetItem",
              "dynamodb:DescribeTable",
              "dynamodb:ConditionCheckItem"
             ],
             "Effect": "Allow",
             "Resource": [
              {
               "Fn::Sub": [
                "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}",
                {
                 "tableName": {
                  "Ref": "TableName"
                 }
                }
               ]
              },
              {
               "Fn::Sub": [
                "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*",
                {
                 "tableName": {
                  "Ref": "TableName"
                 }
                }
               ]
              }
             ]
            }
           ]
          },
          "Description": "Gives CRUD access to a DynamoDB Table",
          "Parameters": {
           "TableName": {
            "Description": "Name of the DynamoDB Table"
           }
          }
         },
         "DynamoDBReadPolicy": {
          "Definition": {
           "Statement": [
            {
             "Action": [
              "dynamodb:GetItem",
              "dynamodb:Scan",
              "dynamodb:Query",
              "dynamodb:BatchGetItem",
              "dynamodb:DescribeTable"
             ],
             "Effect": "Allow",
             "Resource": [
              {
               "Fn::Sub": [
                "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}",
                {
                 "tableName": {
                  "Ref": "TableName"
                 }
                }
               ]
              },
              {
               "Fn::Sub": [
                "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*",
                {
                 "tableName": {
                  "Ref": "TableName"
                 }
                }
               ]
              }
             ]
            }
           ]
          },
          "Description": "Gives read only access to a DynamoDB Table",
          "Parameters": {
           "TableName": {
            "Description": "Name of the DynamoDB Table"
           }
          }
         },
         "DynamoDBWritePolicy": {
          "Definition": {
           "Statement": [
            {
             "Action": [
              "dynamodb:PutItem",
              "dynamodb:UpdateItem",
              "dynamodb:BatchWriteItem"
             ],
             "Effect": "Allow",
             "Resource": [
              {
               "Fn::Sub": [
                "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}",
                {
                 "tableName": {
                  "Ref": "TableName"
                 }
                }
               ]
              },
              {
               "Fn::Sub": [
                "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*",
                {
                 "tableName": {
                  "Ref": "TableName"
                 }
                }
               ]
              }
             ]
            }
           ]
          },
          "Description": "Gives write only access to a DynamoDB Table",
          "Parameters": {
           "TableName": {
            "Description": "Name of the DynamoDB Table"
           }
          }
         }
        }
        """#
}

# steps.sh — the recovery from a stack stuck in ROLLBACK_COMPLETE, replayed by `workbook check 01`.
# 1. The original template, unbuilt: Lambda refuses nodejs12.x, the stack rolls back.
workbook sam deploy -t original-template.yaml --stack-name lambda-to-dynamodb --resolve-s3 --capabilities CAPABILITY_IAM --no-confirm-changeset
# 2. A stack in ROLLBACK_COMPLETE can only be deleted.
workbook sam delete --stack-name lambda-to-dynamodb --no-prompts
# 3. template.yaml now says nodejs22.x, which SAM builds (moment comes from the machine's Node modules).
workbook sam build
# 4. A fresh create, from the built template.
workbook sam deploy --stack-name lambda-to-dynamodb --resolve-s3 --capabilities CAPABILITY_IAM --no-confirm-changeset

# steps.sh — the commands of this lesson, one per line, for `workbook check 01` to replay.
#
# The check starts from a brand-new simulated account on 2026-11-01 and runs each line in order,
# in a copy of this folder. It cannot answer prompts, so write the non-guided form of each
# command (no --guided, no questions asked). Lines starting with # are skipped. Each line must
# start with `workbook` (or `sam` / `aws`); pipes, variables and redirections are not allowed.
#
# Write, in order, the commands that:
#   1. deploy the ORIGINAL template, unbuilt, and fail the way you saw it fail
#      (use -t original-template.yaml, --stack-name lambda-to-dynamodb, --resolve-s3,
#       --capabilities CAPABILITY_IAM and --no-confirm-changeset);
#   2. clear the stack that the failure left behind, without a prompt;
#   3. build your fixed template.yaml;
#   4. deploy it under the same stack name, with the same flags as in step 1 but without -t.
#
# 한국어: 이 레슨에서 실행한 명령을 한 줄에 하나씩 순서대로 적으세요. 검사는 새 계정(2026-11-01)에서
# 이 파일을 그대로 재실행하며 프롬프트에 답할 수 없으므로 --guided 없이 옵션을 모두 적어야 합니다.
# 1) 원본 템플릿(-t original-template.yaml)을 빌드 없이 배포해 실패시키기, 2) 남은 스택을 프롬프트
# 없이 지우기, 3) 고친 template.yaml 빌드, 4) 같은 스택 이름으로 다시 배포.

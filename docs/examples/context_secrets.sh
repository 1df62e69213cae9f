# One variable: the value comes from a file on stdin (or a hidden prompt), never from argv.
circleci-client context env set deploy-prod NPM_TOKEN --org gh/acme < npm-token.txt
circleci-client context env set deploy-prod NPM_TOKEN --org gh/acme --from-file npm-token.txt

# Every variable of a .env file; --prune also deletes the context's other variables.
circleci-client context env sync deploy-prod --org gh/acme --from-file .env
circleci-client context env sync deploy-prod --org gh/acme --from-file .env --prune

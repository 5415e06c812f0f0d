/* egress_names.c - Python Code Audit's secret-ish identifiers as a sorted
 * table (egress.h). Regenerate from shared/parity/codeaudit-secret-names.txt:
 *   LC_ALL=C awk 'NF{print tolower($0) "\t" $0}' codeaudit-secret-names.txt |
 *     LC_ALL=C sort | cut -f2
 * (sorted by lower-case bytes, as strcasecmp compares, so a binary search
 * with strcasecmp finds any spelling). tests/unit/test_egress.c checks the
 * table against the list. */
#include "egress.h"

#include <stdlib.h>
#include <strings.h>

const char *const egress_secret_names[] = {
    "_passwd", "_PASSWORD", "access_key", "access_key_id", "ACCESS_SECRET", "ACCESS_TOKEN",
    "AccountKey", "AI21_API_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ANTHROPIC_API_KEY", "api_key", "API_TOKEN", "ApiKey",
    "ApiSecret", "APP_KEY", "APP_SECRET", "AUTH", "auth_key", "auth_password", "AUTH_SECRET",
    "AUTH_TOKEN", "auth_token", "Authorization", "AWS_ACCESS_KEY_ID", "aws_account_id",
    "AWS_SECRET_ACCESS_KEY", "aws_secret_access_key", "AWS_SESSION_TOKEN", "aws_session_token",
    "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_API_VERSION", "AZURE_OPENAI_ENDPOINT",
    "AzureStorageKey", "BAIDU_API_KEY", "BAIDU_SECRET_KEY", "BASIC_AUTH", "BEARER",
    "BEARER_TOKEN", "BEDROCK_REGION", "CLIENT_ID", "client_key", "CLIENT_SECRET",
    "ClientSecret", "COHERE_API_KEY", "CONNECTION_STRING", "credential", "credentials",
    "CREDENTIALS_JSON", "creds", "CSRF_TOKEN", "DASHSCOPE_API_KEY", "DEEPSEEK_API_KEY",
    "DEPLOY_KEY", "ELASTIC_API_KEY", "encryptedPassword", "ENCRYPTION_SECRET", "EncryptionKey",
    "FERNET_KEY", "FIREWORKS_API_KEY", "GCP_SERVICE_ACCOUNT_KEY", "GEMINI_API_KEY",
    "get_api_token", "get_secret", "get_token", "GITHUB_TOKEN", "GOOGLE_API_KEY", "HMAC_KEY",
    "HUGGINGFACE_API_TOKEN", "IBM_WATSONX_API_KEY", "IBM_WATSONX_PROJECT_ID", "ID_TOKEN",
    "INTEGRATION_KEY", "JWT_ACCESS_TOKEN", "JWT_ALGORITHM", "JWT_AUDIENCE", "JWT_ISSUER",
    "JWT_PRIVATE_KEY", "JWT_PUBLIC_KEY", "JWT_REFRESH_TOKEN", "JWT_SECRET", "JWT_SECRET_KEY",
    "JWT_SIGNING_KEY", "JWT_TOKEN", "KEYFILE", "KUBE_TOKEN", "LLM_API_KEY",
    "LYFENINJA_CLIENT_SECRET", "MASTER_KEY", "MISTRAL_API_KEY", "MLAB_PASS",
    "MOONSHOT_API_KEY", "NetworkCredential", "NVIDIA_API_KEY", "OAUTH_TOKEN",
    "OLLAMA_API_BASE", "OPENAI_API_KEY", "OPENROUTER_API_KEY", "OTEL_EXPORTER", "PASSPHRASE",
    "password", "POSTGRES_PASSWORD", "PPLX_API_KEY", "PRIVATE_KEY", "PRIVATE_TOKEN",
    "REDIS_PASSWORD", "REFRESH_TOKEN", "REPLICATE_API_TOKEN", "ROOT_PASSWORD",
    "RSA_PRIVATE_KEY", "SAS_TOKEN", "secret", "secret_key", "secret_key_base", "SECRET_TOKEN",
    "SERVICE_ACCOUNT_KEY", "SESSION_KEY", "SIGNING_KEY", "SILICONFLOW_API_KEY",
    "SLACK_BOT_TOKEN", "SLACK_TOKEN", "SMTP_PASSWORD", "SSH_KEY", "static_key",
    "STRIPE_API_KEY", "SYSTEM_PASSWORD", "TENCENT_HUNYUAN_API_KEY", "TLS_PRIVATE_KEY",
    "TOGETHER_API_KEY", "VAULT_TOKEN", "WEBHOOK_SECRET", "WEBHOOK_TOKEN", "X_API_KEY",
    "XAI_API_KEY", "YI_API_KEY", "ZHIPUAI_API_KEY",
};

const size_t egress_secret_names_count =
    sizeof egress_secret_names / sizeof egress_secret_names[0];

static int compare_name(const void *key, const void *item)
{
    return strcasecmp((const char *)key, *(const char *const *)item);
}

const char *egress_secret_name(const char *name)
{
    if (!name || !*name)
        return NULL;
    const char *const *hit = bsearch(name, egress_secret_names, egress_secret_names_count,
                                     sizeof egress_secret_names[0], compare_name);
    return hit ? *hit : NULL;
}

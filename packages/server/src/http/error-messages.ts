/** Error codes rendered into words at the edge, in the caller's language (Accept-Language: en, zh, ru). */
type Catalog = Readonly<Record<string, string>>;

const en: Catalog = {
  invalid_request: 'The request is not valid.',
  malformed_json: 'The request body is not valid JSON.',
  payload_too_large: 'The request body is too large.',
  unauthenticated: 'Sign in or send a valid API token.',
  invalid_credentials: 'Wrong email or password.',
  csrf_failed: 'Missing or wrong CSRF token.',
  forbidden: 'You do not have access to this.',
  missing_scope: 'This API token lacks the scope this needs.',
  not_found: 'Not found.',
  email_taken: 'An account with this email already exists.',
  team_name_taken: 'A team with this name already exists.',
  invalid_transition: 'The conversation cannot move to that status from its current one.',
  unknown_criterion: 'The scorecard has no criterion with that id.',
  rate_limited: 'Too many requests; slow down.',
  invalid_signature: 'The webhook signature does not match.',
  unsupported_media_type: 'Send the body as application/json.',
  assist_unavailable: 'This assistance is not available on this server yet.',
  internal: 'Something went wrong on our side.',
};
const zh: Catalog = {
  invalid_request: '请求无效。',
  malformed_json: '请求体不是有效的 JSON。',
  payload_too_large: '请求体过大。',
  unauthenticated: '请登录或提供有效的 API 令牌。',
  invalid_credentials: '邮箱或密码错误。',
  csrf_failed: 'CSRF 令牌缺失或错误。',
  forbidden: '您无权访问此内容。',
  missing_scope: '此 API 令牌缺少所需的权限范围。',
  not_found: '未找到。',
  email_taken: '该邮箱已注册。',
  team_name_taken: '已存在同名团队。',
  invalid_transition: '会话无法从当前状态转到该状态。',
  unknown_criterion: '该评分卡中没有此标准。',
  rate_limited: '请求过多，请稍后再试。',
  invalid_signature: 'Webhook 签名不匹配。',
  unsupported_media_type: '请以 application/json 发送请求体。',
  assist_unavailable: '此服务器暂不提供该辅助功能。',
  internal: '服务器内部出错。',
};
const ru: Catalog = {
  invalid_request: 'Некорректный запрос.',
  malformed_json: 'Тело запроса — некорректный JSON.',
  payload_too_large: 'Слишком большое тело запроса.',
  unauthenticated: 'Войдите или передайте действительный API-токен.',
  invalid_credentials: 'Неверный email или пароль.',
  csrf_failed: 'CSRF-токен отсутствует или неверен.',
  forbidden: 'У вас нет доступа.',
  missing_scope: 'У этого API-токена нет нужной области доступа.',
  not_found: 'Не найдено.',
  email_taken: 'Учётная запись с таким email уже существует.',
  team_name_taken: 'Команда с таким названием уже существует.',
  invalid_transition: 'Диалог нельзя перевести в этот статус из текущего.',
  unknown_criterion: 'В оценочной карте нет критерия с таким id.',
  rate_limited: 'Слишком много запросов, подождите.',
  invalid_signature: 'Подпись вебхука не совпадает.',
  unsupported_media_type: 'Отправьте тело как application/json.',
  assist_unavailable: 'Эта подсказка пока недоступна на этом сервере.',
  internal: 'Внутренняя ошибка сервера.',
};

const catalogs: Readonly<Record<string, Catalog>> = { en, zh, ru };

export function pickLanguage(acceptLanguage: string | undefined): 'en' | 'zh' | 'ru' {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'zh' || tag === 'ru' || tag === 'en') return tag;
  }
  return 'en';
}

export function errorMessage(code: string, lang: 'en' | 'zh' | 'ru'): string {
  return catalogs[lang]?.[code] ?? en[code] ?? en['invalid_request'] ?? code;
}

/** Where the tests find Redis (several instances sharing live sessions): REDIS_URL, or the machine's own. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

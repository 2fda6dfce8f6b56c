export { PYTHON, REDIS_SERVER, RedisServer, describeWithRedis } from "./redis-server";

import {
  AnonymousUser,
  AuthMiddleware,
  authenticatedUserId,
  closeGroup,
  userGroupName,
  WebsocketCommunicator,
  WebsocketConsumer,
  type Application,
} from "@channels-ts/core";
import { useChannelLayer } from "@channels-ts/test-fixtures";

const layer = useChannelLayer();

describe("userGroupName()", () => {
  it("gives one group per user, whether the id is a number or its string", () => {
    expect(userGroupName(42)).toBe("user.42");
    expect(userGroupName("42")).toBe("user.42");
    expect(userGroupName("ada-1.x")).toBe("user.ada-1.x");
  });

  it("escapes every other character by code point, _ included, so two ids never share a group", () => {
    expect(userGroupName("ada@example.com")).toBe("user.ada_40_example.com");
    expect(userGroupName("a_b")).toBe("user.a_5f_b");
    expect(userGroupName("a_5f_b")).toBe("user.a_5f_5f_5f_b");
    expect(userGroupName("😀")).toBe("user._1f600_");
    expect(userGroupName("a b")).not.toBe(userGroupName("a+b"));
  });

  it("hashes an id whose name would be 100 characters or more, under a prefix no plain name has", () => {
    const long = "x".repeat(94);
    expect(userGroupName(long)).toBe(`user.${long}`);
    const longer = "x".repeat(95);
    expect(userGroupName(longer)).toMatch(/^user-sha256\.[0-9a-f]{64}$/);
    expect(userGroupName(longer)).not.toBe(userGroupName("x".repeat(96)));
    expect(userGroupName("@".repeat(30))).toMatch(/^user-sha256\./);
  });

  it("is a valid group name for any id the layer is given", async () => {
    const channel = await layer().newChannel();
    for (const id of [0, -1, 1.5, "a/b", "ü".repeat(200), "\u0000", "..", "x".repeat(1000)]) {
      const group = userGroupName(id);
      expect(group.length).toBeLessThan(100);
      await layer().groupAdd(group, channel);
    }
  });

  it("refuses an empty or non-finite id, naming it", () => {
    expect(() => userGroupName("")).toThrow(
      /^userGroupName: the user id must be a non-empty string or a finite number, got ""\.$/,
    );
    expect(() => userGroupName(Number.NaN)).toThrow(/got NaN\./);
    expect(() => userGroupName(null as unknown as string)).toThrow(TypeError);
  });
});

describe("authenticatedUserId()", () => {
  it("is the id of a user the auth middleware resolved, and undefined for anyone else", () => {
    expect(authenticatedUserId({ id: 42 })).toBe(42);
    expect(authenticatedUserId({ id: "u1", isAuthenticated: true })).toBe("u1");
    expect(authenticatedUserId({ id: 42, isAuthenticated: false })).toBeUndefined();
    expect(authenticatedUserId(new AnonymousUser())).toBeUndefined();
    expect(authenticatedUserId(undefined)).toBeUndefined();
    expect(authenticatedUserId({ id: "" })).toBeUndefined();
    expect(authenticatedUserId({ id: { nested: 1 } })).toBeUndefined();
  });
});

describe("a WebsocketConsumer of an authenticated user joins the user's group", () => {
  const closed: Array<[string, number]> = [];
  class Socket extends WebsocketConsumer {
    override async disconnect(code: number): Promise<void> {
      closed.push([this.scope.path, code]);
    }
  }
  class OptedOut extends Socket {
    override joinUserGroup = false;
  }
  beforeEach(() => (closed.length = 0));

  async function open(app: Application, path: string, user?: unknown): Promise<WebsocketCommunicator> {
    const client = new WebsocketCommunicator(app, path, user === undefined ? {} : { scope: { user } });
    expect((await client.connect()).connected).toBe(true);
    return client;
  }

  it("so one call closes all sockets of user 42, and only those", async () => {
    const tab1 = await open(Socket.asApp(), "/42/tab1/", { id: 42 });
    const tab2 = await open(Socket.asApp(), "/42/tab2/", { id: "42", isAuthenticated: true });
    const other = await open(Socket.asApp(), "/7/", { id: 7 });
    const anonymous = await open(Socket.asApp(), "/anonymous/", new AnonymousUser());
    const optedOut = await open(OptedOut.asApp(), "/42/opted-out/", { id: 42 });
    await closeGroup(layer(), userGroupName(42), { code: 4001, reason: "logged out" });
    for (const tab of [tab1, tab2]) {
      expect(await tab.receiveOutput()).toEqual({ type: "websocket.close", code: 4001, reason: "logged out" });
      await tab.disconnect(4001);
    }
    expect(closed.sort()).toEqual([
      ["/42/tab1/", 4001],
      ["/42/tab2/", 4001],
    ]);
    for (const client of [other, anonymous, optedOut]) {
      expect(await client.receiveNothing()).toBe(true);
      await client.disconnect();
    }
  });

  it("through AuthMiddleware, and leaves the group on disconnect", async () => {
    const app = AuthMiddleware(Socket.asApp(), {
      resolveUser: async (scope) => {
        const header = scope["headers"] as Array<[string, string]>;
        const id = header.find(([name]) => name === "x-user")?.[1];
        return id === undefined ? null : { id };
      },
    });
    const ada = new WebsocketCommunicator(app, "/ada/", { headers: [["x-user", "ada"]] });
    await ada.connect();
    const nobody = new WebsocketCommunicator(app, "/nobody/");
    await nobody.connect();
    expect(layer().stats().groups).toBe(1);
    await closeGroup(layer(), userGroupName("ada"), { code: 4001 });
    expect(await ada.receiveOutput()).toMatchObject({ type: "websocket.close", code: 4001 });
    await ada.disconnect(4001);
    expect(layer().stats().groups).toBe(0);
    expect(await nobody.receiveNothing()).toBe(true);
    await nobody.disconnect();
  });

  it("without a channel layer, connects as before and joins nothing", async () => {
    class NoLayer extends Socket {
      override channelLayerAlias = "";
    }
    const client = await open(NoLayer.asApp(), "/42/", { id: 42 });
    await client.disconnect();
    expect(closed).toEqual([["/42/", 1000]]);
  });
});

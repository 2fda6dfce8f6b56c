import {
  ReplyingJsonWebsocketConsumer,
  RequestFailed,
  type PresenceDiffMessage,
  type PresenceStateMessage,
  type RequestHandlers,
  type RequestOf,
} from "@channels-ts/core";
import { validateGroupName } from "@channels-ts/core/layer-kit";
import type { LiveRoomMessages, LiveRoomRequests } from "./live-room-messages";

/** The tutorial consumer's group message: what its page and this one exchange in a room. */
type XxOo = { type: "xx_oo"; message?: { text?: string } };

/** The longest line the live page may say, in characters. */
export const MAX_LINE = 2000;

/**
 * The live page's consumer (`/live/<room>/?name=...`): the same room as the tutorial's page (its
 * group, its `xx_oo` messages, so both pages hear each other), plus who is here (presence on
 * `<room>.presence`, a group of live pages only, so the tutorial's and Django's consumers never
 * get presence messages) and a reply to each line said, so the page can mark one that did not go.
 */
export class LiveRoomConsumer
  extends ReplyingJsonWebsocketConsumer<LiveRoomMessages>
  implements RequestHandlers<LiveRoomRequests>
{
  private room = "";
  private name = "";

  private get presenceGroup(): string {
    return `${this.room}.presence`;
  }

  override async connect(): Promise<void> {
    this.room = String(this.scope.url_route?.kwargs.group ?? "");
    const name = new URLSearchParams(this.scope.query_string).get("name")?.trim() ?? "";
    this.name = name === "" ? "anonymous" : name.slice(0, 40);
    try {
      validateGroupName(this.presenceGroup);
    } catch {
      return this.close(); // before accept: the handshake is refused (HTTP 403)
    }
    await this.groupAdd(this.room);
    // Members of the presence group get its diffs: join before tracking.
    await this.groupAdd(this.presenceGroup);
    await this.accept();
    await this.presence.track(this.presenceGroup, this.name, { name: this.name }, { state: true });
  }

  async request_chat_say({ text }: RequestOf<LiveRoomRequests, "chat.say">): Promise<{ sent: true }> {
    if (typeof text !== "string" || text === "" || text.length > MAX_LINE) {
      throw new RequestFailed("bad_text", `text must be 1 to ${MAX_LINE} characters`);
    }
    // The tutorial's shape, so its page shows the line as it shows its own.
    const line = `${this.name}: ${text}`;
    await this.channelLayer!.groupSend(this.room, {
      type: "xx_oo",
      message: { type: "websocket.receive", text: line },
    });
    return { sent: true };
  }

  // What anyone in the room said (this page's own lines included): to the page as chat.message.
  async xx_oo(event: XxOo): Promise<void> {
    const text = event.message?.text;
    if (typeof text === "string") await this.sendJson({ type: "chat.message", text });
  }

  override presence_state(message: PresenceStateMessage): Promise<void> {
    return this.sendJson(message);
  }

  override presence_diff(message: PresenceDiffMessage): Promise<void> {
    return this.sendJson(message);
  }
}

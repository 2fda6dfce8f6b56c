import { ChannelLayerMissing, ChannelsError, ErrorCode } from "./errors";
import type { ChannelLayer } from "./layers/channel-layer";
import { getChannelLayer } from "./layers";
import type { Application, ChannelScope, Message, Send } from "./types";
import { AsyncQueue } from "./util/async-queue";

export interface WorkerOptions {
  /** Layer alias in `channelLayers` ("default"). Ignored when `layer` is given. */
  alias?: string;
  layer?: ChannelLayer;
  /** Where failures of an application instance are reported (default: console). */
  logger?: { error(message: string, error?: unknown): void };
}

/** Why a worker's applications stop receiving: the worker was stopped. */
export class WorkerStopped extends ChannelsError {
  constructor() {
    super(ErrorCode.WORKER_STOPPED, "The worker was stopped.", { closeCode: 1001 });
  }
}

interface Instance {
  queue: AsyncQueue<Message>;
  done: Promise<void>;
}

/**
 * Channels' `runworker`: receives on named (non-specific) channels and runs the application,
 * usually a `ChannelNameRouter`, once per channel; each message goes to that instance in order.
 */
export class Worker {
  private readonly layer: ChannelLayer;
  private readonly instances = new Map<string, Instance>();
  private readonly abort = new AbortController();
  private readonly logger: NonNullable<WorkerOptions["logger"]>;
  private running: Promise<void> | undefined;

  constructor(
    private readonly application: Application,
    readonly channels: readonly string[],
    options: WorkerOptions = {},
  ) {
    if (channels.length === 0)
      throw new ChannelsError(ErrorCode.WORKER_NO_CHANNELS, "Worker needs at least one channel name to listen on.");
    for (const channel of channels) {
      if (channel.includes("!")) {
        throw new ChannelsError(
          ErrorCode.WORKER_SPECIFIC_CHANNEL,
          `Worker channel ${JSON.stringify(channel)} is process-specific (contains "!"); give a plain name such as "thumbnails".`,
        );
      }
    }
    const alias = options.alias ?? "default";
    const layer = options.layer ?? getChannelLayer(alias);
    if (layer === undefined) throw new ChannelLayerMissing(alias);
    this.layer = layer;
    this.logger = options.logger ?? { error: (message, error) => console.error(message, error) };
  }

  /** Receives until `stop()`; resolves once every application instance has ended. */
  run(): Promise<void> {
    this.running ??= Promise.all(this.channels.map((channel) => this.listen(channel))).then(() => this.drain());
    return this.running;
  }

  async stop(): Promise<void> {
    this.abort.abort(new WorkerStopped());
    await (this.running ?? this.drain());
  }

  private async listen(channel: string): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      let message: Message;
      try {
        message = await this.layer.receive(channel, { signal });
      } catch (error) {
        if (signal.aborted) return;
        throw error;
      }
      this.instanceFor(channel).queue.put(message);
    }
  }

  private instanceFor(channel: string): Instance {
    const existing = this.instances.get(channel);
    if (existing !== undefined) return existing;
    const queue = new AsyncQueue<Message>();
    const scope: ChannelScope = { type: "channel", channel };
    const send: Send = async (event) => {
      throw new ChannelsError(
        ErrorCode.WORKER_SEND,
        `A worker application cannot send ${JSON.stringify(event.type)} to a client; use the channel layer.`,
      );
    };
    const instance: Instance = {
      queue,
      done: this.application(scope, () => queue.get(), send)
        .then(
          () => undefined,
          (error: unknown) => {
            if (!(error instanceof WorkerStopped))
              this.logger.error(`Worker application for channel ${JSON.stringify(channel)} failed`, error);
          },
        )
        .finally(() => {
          // The next message on this channel starts a fresh instance.
          if (this.instances.get(channel) === instance) this.instances.delete(channel);
        }),
    };
    this.instances.set(channel, instance);
    return instance;
  }

  private async drain(): Promise<void> {
    const pending = [...this.instances.values()];
    for (const instance of pending) instance.queue.cancel(new WorkerStopped());
    await Promise.all(pending.map((instance) => instance.done));
  }
}

import { JsonWebsocketConsumer } from "@channels-ts/core";

// #region json
export class Calculator extends JsonWebsocketConsumer {
  override async receiveJson(content: unknown): Promise<void> {
    const { a, b } = content as { a: number; b: number };
    await this.sendJson({ sum: a + b });
  }
}
// #endregion json

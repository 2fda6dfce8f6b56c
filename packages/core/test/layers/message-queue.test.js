"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const message_queue_1 = require("../../src/layers/message-queue");
describe("MessageQueue", () => {
    it("keeps FIFO order across wrap-around and growth", () => {
        const queue = new message_queue_1.MessageQueue(2);
        const received = [];
        let sent = 0;
        // Interleave pushes and shifts so the head moves around the ring while it grows.
        for (let round = 0; round < 10; round++) {
            for (let i = 0; i < 3; i++)
                queue.push({ type: `m${sent++}` }, 0);
            for (let i = 0; i < 2; i++)
                received.push(queue.shift().type);
        }
        while (queue.length > 0)
            received.push(queue.shift().type);
        expect(received).toEqual(Array.from({ length: sent }, (_, i) => `m${i}`));
        expect(queue.shift()).toBeUndefined();
    });
    it("drops only the expired messages at the head", () => {
        const queue = new message_queue_1.MessageQueue();
        queue.push({ type: "old" }, 10);
        queue.push({ type: "not-yet" }, 30);
        queue.push({ type: "new" }, 20);
        expect(queue.dropExpired(20)).toBe(1);
        expect(queue.length).toBe(2);
        expect(queue.shift()?.type).toBe("not-yet");
    });
    it("is empty and reusable after clear()", () => {
        const queue = new message_queue_1.MessageQueue(1);
        for (let i = 0; i < 5; i++)
            queue.push({ type: "x" }, 0);
        queue.clear();
        expect(queue.length).toBe(0);
        queue.push({ type: "again" }, 0);
        expect(queue.shift()?.type).toBe("again");
    });
});
//# sourceMappingURL=message-queue.test.js.map
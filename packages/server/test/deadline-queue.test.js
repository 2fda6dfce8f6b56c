"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const deadline_queue_1 = require("../src/deadline-queue");
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());
function member(passed, name) {
    return { deadlinePassed: () => passed.push(name) };
}
test("each deadline passes durationMs after it was set, in order, on one timer", () => {
    const passed = [];
    const queue = new deadline_queue_1.DeadlineQueue(100);
    queue.add(member(passed, "a"));
    jest.advanceTimersByTime(40);
    queue.add(member(passed, "b"));
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(59);
    expect(passed).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(passed).toEqual(["a"]);
    jest.advanceTimersByTime(39);
    expect(passed).toEqual(["a"]);
    jest.advanceTimersByTime(1);
    expect(passed).toEqual(["a", "b"]);
    expect(jest.getTimerCount()).toBe(0);
});
test("a cancelled deadline never passes; the timer runs out once and is not renewed for nothing", () => {
    const passed = [];
    const queue = new deadline_queue_1.DeadlineQueue(100);
    const a = queue.add(member(passed, "a"));
    const b = queue.add(member(passed, "b"));
    queue.cancel(a);
    queue.cancel(a); // twice is harmless
    queue.cancel(b);
    jest.advanceTimersByTime(1000);
    expect(passed).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
});
test("a deadline set while the timer waits for a cancelled one still passes on time", () => {
    const passed = [];
    const queue = new deadline_queue_1.DeadlineQueue(100);
    queue.cancel(queue.add(member(passed, "a")));
    jest.advanceTimersByTime(30);
    queue.add(member(passed, "b"));
    jest.advanceTimersByTime(99);
    expect(passed).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(passed).toEqual(["b"]);
});
test("a member may cancel itself or add another while its deadline passes", () => {
    const passed = [];
    const queue = new deadline_queue_1.DeadlineQueue(100);
    let own = -1;
    own = queue.add({
        deadlinePassed: () => {
            passed.push("first");
            queue.cancel(own);
            queue.add(member(passed, "second"));
        },
    });
    jest.advanceTimersByTime(100);
    expect(passed).toEqual(["first"]);
    jest.advanceTimersByTime(100);
    expect(passed).toEqual(["first", "second"]);
    expect(jest.getTimerCount()).toBe(0);
});
test("tickets stay valid across many deadlines (the arrays are cut down as the head moves on)", () => {
    const passed = [];
    const queue = new deadline_queue_1.DeadlineQueue(100);
    const tickets = [];
    for (let i = 0; i < 5000; i++) {
        tickets.push(queue.add(member(passed, String(i))));
        if (i % 10 !== 9)
            queue.cancel(tickets[i]);
        jest.advanceTimersByTime(1);
    }
    queue.cancel(tickets[4999]);
    jest.advanceTimersByTime(200);
    expect(passed).toHaveLength(499);
    expect(passed[0]).toBe("9");
    expect(passed.at(-1)).toBe("4989");
    expect(jest.getTimerCount()).toBe(0);
});
//# sourceMappingURL=deadline-queue.test.js.map
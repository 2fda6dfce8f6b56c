"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const fernet_1 = require("../src/fernet");
// A token made by Python's cryptography 38: Fernet(urlsafe_b64encode(sha256(b"secret").digest())).encrypt(b"hello"),
// computed once; it is far past any TTL, so it is read without one.
const PYTHON_TOKEN = "gAAAAABrB0ZICR7PwCNDncc1TcIiqHWD_h3sdvNn3zhPEssfHsZYn3fbxN1L85vXQEpDo4uyx9-CZxZdqDOnTNyHHJixohodqQ==";
describe("Fernet (cryptography-compatible, channels_redis key derivation)", () => {
    const data = Buffer.from("msgpack bytes \x00\xff", "latin1");
    it("round-trips and produces a version-0x80 base64url token", () => {
        const fernet = fernet_1.Fernet.fromPassphrase("secret");
        const token = fernet.encrypt(data);
        expect(token.toString("ascii")).toMatch(/^gAAAAA[A-Za-z0-9_-]+=*$/);
        expect(fernet.decrypt(token, 70)).toEqual(data);
    });
    it("rejects a token signed with another key, a tampered token and an expired token", () => {
        const token = fernet_1.Fernet.fromPassphrase("secret").encrypt(data, Date.now() / 1000 - 100);
        expect(() => fernet_1.Fernet.fromPassphrase("other").decrypt(token)).toThrow(fernet_1.InvalidToken);
        const tampered = Buffer.from(token);
        tampered[20] = tampered[20] === 65 ? 66 : 65;
        expect(() => fernet_1.Fernet.fromPassphrase("secret").decrypt(tampered)).toThrow(fernet_1.InvalidToken);
        expect(() => fernet_1.Fernet.fromPassphrase("secret").decrypt(token, 70)).toThrow(/expired/);
        expect(fernet_1.Fernet.fromPassphrase("secret").decrypt(token)).toEqual(data);
    });
    it("MultiFernet encrypts with the first key and decrypts with any", () => {
        const rotated = fernet_1.MultiFernet.fromPassphrases(["new", "old"]);
        const old = fernet_1.MultiFernet.fromPassphrases(["old"]);
        expect(rotated.decrypt(old.encrypt(data))).toEqual(data);
        expect(() => old.decrypt(rotated.encrypt(data))).toThrow(fernet_1.InvalidToken);
    });
    it("reads a token made by Python", () => {
        expect(fernet_1.Fernet.fromPassphrase("secret").decrypt(Buffer.from(PYTHON_TOKEN)).toString()).toBe("hello");
    });
});
//# sourceMappingURL=fernet.test.js.map
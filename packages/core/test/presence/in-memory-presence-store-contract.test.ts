import { InMemoryPresenceStore } from "@channels-ts/core";
import { runPresenceStoreContract } from "@channels-ts/core/layer-kit";

runPresenceStoreContract({ name: "InMemoryPresenceStore", newStore: () => new InMemoryPresenceStore() });

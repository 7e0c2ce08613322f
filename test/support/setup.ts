import { Testing } from "cdktf";
import { setupStaxEventsJest } from "../../modules/pattern";

Testing.setupJest();
// Our own tests use the same `toMatchEvent` matcher users get.
setupStaxEventsJest();

package io.careline.console;

import java.util.List;

/** The demo users the console's sign-in page offers; only dev mode has an implementation (in dev/). */
public interface DemoUsers {
    List<ConsoleSettings.DevUser> users();
}

package org.claimledger.security;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code token <user> [roles] [--hours N]}: prints a bearer token for a named user with the given
 * roles (comma-separated; default {@code contributor}), signed with the embedded default's key, so a
 * new user can write in a minute. Only the token goes to standard output.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static int run(String[] args, Path keyDirectory, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[1].startsWith("-")) {
            err.println("usage: token <user> [reader,contributor,reviewer,admin] [--hours N]");
            return 2;
        }
        String user = args[1];
        Set<String> roles = new LinkedHashSet<>(Set.of(Roles.CONTRIBUTOR));
        long hours = 12;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--hours") && i + 1 < args.length) {
                hours = Long.parseLong(args[++i]);
            } else {
                roles = new LinkedHashSet<>(Arrays.asList(args[i].split(",")));
            }
        }
        Set<String> known = Set.of(Roles.READER, Roles.CONTRIBUTOR, Roles.REVIEWER, Roles.ADMIN);
        for (String role : roles) {
            if (!known.contains(role)) {
                err.println("unknown role '" + role + "': use reader, contributor, reviewer or admin");
                return 2;
            }
        }
        SigningKeys keys = new SigningKeys(keyDirectory).ensure();
        out.println(Tokens.issue(keys.privateKey(), user, roles, Duration.ofHours(hours)));
        return 0;
    }
}

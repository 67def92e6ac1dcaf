package org.civiclink.deploy.layout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civiclink.deploy.StackException;

/** Checks ports before anything starts, so a second stack fails with advice instead of a bind error in a log. */
public final class PortGuard {

    private PortGuard() {
    }

    /** True if nothing listens on the port and it can be bound on the loopback address. */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isListening(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @param owners port to the component that needs it, in the order to report them */
    public static void requireFree(String host, Map<Integer, String> owners) {
        List<String> busy = new ArrayList<>();
        owners.forEach((port, owner) -> {
            if (!isFree(host, port)) {
                busy.add(port + " (" + owner + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new StackException("Port(s) already in use: " + String.join(", ", busy) + ".\n"
                    + "Another CivicLink stack is probably running: stop it with ./civiclink down"
                    + " (or free the ports).");
        }
    }
}

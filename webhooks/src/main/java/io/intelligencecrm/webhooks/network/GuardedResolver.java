package io.intelligencecrm.webhooks.network;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a receiver's host for the HTTP client and hands it only addresses the policy permits: the
 * client connects to exactly the addresses checked here, so a name that resolved to a public address
 * when the URL was saved cannot be switched to an internal one later (DNS rebinding).
 */
public final class GuardedResolver implements SocketAddressResolver {
    private final AddressPolicy policy;

    public GuardedResolver(AddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        try {
            promise.succeeded(policy.resolve(host).stream().map(address -> new InetSocketAddress(address, port)).toList());
        } catch (RefusedAddressException e) {
            promise.failed(e);
        }
    }
}

package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Without AVIARY_GATEWAY_BIND_ADDRESS the gateway answers on loopback and on none of this machine's other addresses. */
class LoopbackOnlyHttpTest extends GatewayHttpTestBase {

    @Test
    void isNotReachableOnThisMachinesOwnNetworkAddresses() throws IOException {
        try (Socket local = connect(InetAddress.getLoopbackAddress())) {
            assertThat(local.isConnected()).isTrue();
        }
        List<InetAddress> own = ownNonLoopbackAddresses();
        Assumptions.assumeFalse(own.isEmpty(), "this machine has no non-loopback address to try");
        for (InetAddress address : own) {
            assertThatThrownBy(() -> connect(address).close()).as(address.toString()).isInstanceOf(ConnectException.class);
        }
    }

    private Socket connect(InetAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(address, port), 2000);
        return socket;
    }

    /** Only addresses of this machine's own interfaces: a connection attempt never leaves the host. */
    private static List<InetAddress> ownNonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(LoopbackOnlyHttpTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .toList();
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}

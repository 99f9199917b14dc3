package io.aviary.bot.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/** Plain sockets that the test can cut the way a crash or a network failure does: no MQTT DISCONNECT is sent. */
final class CuttableSocketFactory extends SocketFactory {

  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  void cutAll() throws IOException {
    for (Socket s : sockets) {
      s.setSoLinger(true, 0); // RST, as when the process dies
      s.close();
    }
    sockets.clear();
  }

  private Socket track(Socket s) {
    sockets.add(s);
    return s;
  }

  @Override
  public Socket createSocket() {
    return track(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return track(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return track(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return track(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return track(new Socket(address, port, localAddress, localPort));
  }
}

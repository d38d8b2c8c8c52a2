package dev.hikyaku.mailauth.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.xbill.DNS.Message;

/**
 * A UDP DNS server on loopback that answers with whatever a test scripts, including answers no real
 * server would give (CNAME loops, NXDOMAIN after an alias), and counts the queries.
 */
final class ScriptedDnsServer implements AutoCloseable {

  private final DatagramSocket socket;
  private final Thread thread;
  private final AtomicInteger queries = new AtomicInteger();

  ScriptedDnsServer(Function<Message, Message> script) throws SocketException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    thread =
        Thread.ofPlatform()
            .daemon()
            .start(() -> {
              byte[] buffer = new byte[4096];
              while (!socket.isClosed()) {
                try {
                  DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                  socket.receive(packet);
                  queries.incrementAndGet();
                  byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                  byte[] answer = script.apply(new Message(query)).toWire();
                  socket.send(
                      new DatagramPacket(
                          answer, answer.length, packet.getAddress(), packet.getPort()));
                } catch (IOException e) {
                  if (!socket.isClosed()) {
                    throw new IllegalStateException(e);
                  }
                }
              }
            });
  }

  String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  int queries() {
    return queries.get();
  }

  @Override
  public void close() {
    socket.close();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.careline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A WebSocket client on a plain socket that reads only when told to: a device whose app froze. The
 * websockets-next client always reads, so it cannot play a slow consumer.
 */
public final class RawWebSocket implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    /** What a drained socket held: how many message frames, and the close code if a close frame came. */
    public record Drained(int messageFrames, Integer closeCode) {
    }

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    public static RawWebSocket connect(URI server, String token) throws IOException {
        RawWebSocket raw = requestUpgrade(server, token);
        assertThat(raw.readHeaders()).startsWith("HTTP/1.1 101");
        return raw;
    }

    /** The whole answer (status line, headers, body) to an upgrade the server refuses; no token when null. */
    public static String refusedUpgrade(URI server, String token) throws IOException {
        try (RawWebSocket raw = requestUpgrade(server, token)) {
            String headers = raw.readHeaders();
            int length = Integer.parseInt(headers.replaceAll("(?is).*\r\ncontent-length: *([0-9]+).*", "$1"));
            return headers + new String(raw.in.readNBytes(length), StandardCharsets.UTF_8);
        }
    }

    private static RawWebSocket requestUpgrade(URI server, String token) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(10_000);
        socket.connect(new java.net.InetSocketAddress(server.getHost(), server.getPort()));
        String request = "GET /ws HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return new RawWebSocket(socket);
    }

    /** Sends the text as one unfragmented, masked frame, however long it is. */
    public void sendSingleFrame(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = { 1, 2, 3, 4 };
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeByte(0x81); // FIN, text
        if (payload.length < 126) {
            out.writeByte(0x80 | payload.length);
        } else if (payload.length < 65536) {
            out.writeByte(0x80 | 126);
            out.writeShort(payload.length);
        } else {
            out.writeByte(0x80 | 127);
            out.writeLong(payload.length);
        }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        out.write(payload);
        out.flush();
    }

    /** Reads every frame until the server closes the connection, or fails after {@code timeout}. */
    public Drained readUntilClosed(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        int messages = 0;
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0f;
                byte[] payload = readPayload();
                if (opcode == 0x8) {
                    Integer code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : null;
                    return new Drained(messages, code);
                }
                if (opcode == 0x1) {
                    messages++;
                }
            }
        } catch (EOFException closedWithoutCloseFrame) {
            return new Drained(messages, null);
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server did not close the connection within " + timeout, stillOpen);
        }
    }

    private byte[] readPayload() throws IOException {
        long length = in.readUnsignedByte() & 0x7f; // server frames are never masked
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return payload;
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            headers.write(b);
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

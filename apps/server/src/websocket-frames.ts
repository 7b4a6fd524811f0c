import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * A text message as one whole WebSocket frame (RFC 6455, section 5.2: final, text, unmasked as
 * a server's frames are), built once and written to any number of sockets.
 */
export function textFrame(payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81;
  if (header === 2) {
    frame[1] = length;
  } else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  payload.copy(frame, header);
  return frame;
}

/**
 * Writes a prebuilt frame (`textFrame`) to the socket's TCP stream in one write, where `ws`'s
 * `send` would build a header per socket and write the two parts corked: at 10,000 screens that
 * is most of the fan-out's cost after the kernel's. Sound only because this server's sockets
 * never compress (`perMessageDeflate: false`) and never send Blobs, so `ws` never holds a frame
 * back: frames written here and frames sent through `ws` reach the stream in the order they
 * were written. Unsent bytes still count in the socket's `bufferedAmount` (the slow-consumer
 * cut sees them).
 */
export function writeFrame(socket: WebSocket, frame: Buffer): void {
  (socket as unknown as { _socket: Socket })._socket.write(frame);
}

package dev.gatehouse.adapter.out.crypto;

import dev.gatehouse.application.port.out.QrCodeRenderer;
import io.nayuki.qrcodegen.QrCode;
import jakarta.inject.Singleton;

/**
 * QR codes as SVG with Project Nayuki's encoder: one path of unit squares and a four-module quiet
 * zone, black on white, scaling to any size. Error correction M survives a smudged screen.
 */
@Singleton
public final class NayukiQrCodeRenderer implements QrCodeRenderer {
    private static final int BORDER = 4;

    @Override
    public String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append(path.isEmpty() ? "" : " ").append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
                + "\" stroke=\"none\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }
}

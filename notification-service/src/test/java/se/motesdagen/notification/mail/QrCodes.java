package se.motesdagen.notification.mail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;

/** Reads a QR code out of a PNG, as a phone camera at the desk would. */
public final class QrCodes {

    private QrCodes() {}

    public static String read(byte[] png) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            return new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(source)))
                    .getText();
        } catch (Exception e) {
            throw new AssertionError("No readable QR code in the image", e);
        }
    }
}

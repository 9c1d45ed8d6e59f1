using System.Buffers.Binary;
using System.IO.Compression;

namespace SlaEngine.Pictures.Tests;

/// <summary>A minimal PNG reader (8-bit RGB or RGBA, no interlace: what Chromium writes) to measure a screenshot.</summary>
internal sealed class Png
{
    private Png(int width, int height, uint[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    internal int Width { get; }

    internal int Height { get; }

    /// <summary>Gets the pixels as 0xRRGGBB, row by row.</summary>
    internal uint[] Pixels { get; }

    internal int DistinctColours => Pixels.Distinct().Count();

    /// <summary>The share of pixels that are not (near) white.</summary>
    internal double InkShare => Pixels.Count(p => ((p >> 16) & 0xFF) < 240 || ((p >> 8) & 0xFF) < 240 || (p & 0xFF) < 240) / (double)Pixels.Length;

    internal static Png Read(byte[] bytes)
    {
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }), "not a PNG");
        var offset = 8;
        int width = 0, height = 0, colourType = 0;
        using var idat = new MemoryStream();
        while (offset < bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                colourType = data[9];
                Assert.True(colourType is 2 or 6, "unsupported PNG colour type " + colourType);
                Assert.Equal(0, data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var bpp = colourType == 6 ? 4 : 3;
        var stride = width * bpp;
        var current = new byte[stride];
        var previous = new byte[stride];
        var pixels = new uint[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, current, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? current[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    _ => Paeth(a, b, c),
                });
            }

            for (var x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = ((uint)current[x * bpp] << 16) | ((uint)current[(x * bpp) + 1] << 8) | current[(x * bpp) + 2];
            }

            (current, previous) = (previous, current);
        }

        return new Png(width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

// Answers, for each (pattern, input) line on stdin, what System.Text.RegularExpressions says:
// whether new Regex(pattern) accepts the pattern, its error message if not, and IsMatch(input) if so.
// Line in:  base64(UTF-16LE pattern) TAB base64(UTF-16LE input)
// Line out: "M" (match) | "N" (no match) | "T" (match timeout) | "E" TAB base64(UTF-16LE error message)
//           | "X" TAB base64(UTF-16LE exception) when IsMatch itself crashes (a fault of the regex engine)
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

static class RegexOracle
{
	// Byte pairs to chars by hand: Encoding.Unicode would replace a lone surrogate with U+FFFD.
	static string Decode(string field)
	{
		var bytes = Convert.FromBase64String(field);
		var chars = new char[bytes.Length / 2];
		for (var i = 0; i < chars.Length; i++) chars[i] = (char)(bytes[2 * i] | bytes[2 * i + 1] << 8);
		return new string(chars);
	}

	static string Encode(string text)
	{
		var bytes = new byte[text.Length * 2];
		for (var i = 0; i < text.Length; i++)
		{
			bytes[2 * i] = (byte)text[i];
			bytes[2 * i + 1] = (byte)(text[i] >> 8);
		}
		return Convert.ToBase64String(bytes);
	}

	static int Main()
	{
		var timeout = TimeSpan.FromSeconds(1);
		var compiled = new Dictionary<string, object>();
		var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
		var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
		string line;
		while ((line = stdin.ReadLine()) != null)
		{
			var tab = line.IndexOf('\t');
			var pattern = Decode(line.Substring(0, tab));
			var input = Decode(line.Substring(tab + 1));
			object entry;
			if (!compiled.TryGetValue(pattern, out entry))
			{
				try
				{
					entry = new Regex(pattern, RegexOptions.None, timeout);
				}
				catch (ArgumentException error)
				{
					entry = error.Message;
				}
				compiled[pattern] = entry;
			}
			var regex = entry as Regex;
			if (regex == null)
			{
				stdout.WriteLine("E\t" + Encode((string)entry));
				continue;
			}
			try
			{
				stdout.WriteLine(regex.IsMatch(input) ? "M" : "N");
			}
			catch (RegexMatchTimeoutException)
			{
				stdout.WriteLine("T");
			}
			catch (Exception crash)
			{
				stdout.WriteLine("X\t" + Encode(crash.GetType().Name + ": " + crash.Message));
			}
		}
		stdout.Flush();
		return 0;
	}
}

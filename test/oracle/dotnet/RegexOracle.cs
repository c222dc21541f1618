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
	static string Decode(string field)
	{
		return Encoding.Unicode.GetString(Convert.FromBase64String(field));
	}

	static string Encode(string text)
	{
		return Convert.ToBase64String(Encoding.Unicode.GetBytes(text));
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

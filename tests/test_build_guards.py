"""The build refuses what must never be published: a page missing its translation, or an asset
loaded from another host. Each test builds a copy of the project with one thing broken."""

from __future__ import annotations

from conftest import run_build


def test_a_missing_translation_fails_instead_of_showing_chinese_under_en(project_copy, tmp_path):
    (project_copy / "docs" / "about.en.md").unlink()
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "about.md" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "en" / "about").exists()


def test_an_external_asset_fails_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![logo](https://example.com/logo.png)\n",
                    encoding="utf-8")
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "example.com/logo.png" in result.stdout + result.stderr


def test_the_unbroken_copy_builds(project_copy, tmp_path):
    # Guards the two tests above: they fail for the reason they name, not because copies fail.
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
